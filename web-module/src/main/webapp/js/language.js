// The language switcher: remember the choice for a year and show the page again in it.
const select = document.getElementById('language');
if (select) {
  select.value = document.documentElement.lang;
  select.onchange = () => {
    document.cookie = `videochat-lang=${encodeURIComponent(select.value)}; path=/; max-age=31536000; SameSite=Lax`;
    location.reload();
  };
}
