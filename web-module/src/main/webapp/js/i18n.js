// The page's language: its texts (the js.* keys of the server's message bundle, embedded in the
// page by Language.java) and the formats of dates, times and numbers.
const element = document.getElementById('i18n');
const messages = element ? JSON.parse(element.dataset.messages) : {};

export const lang = document.documentElement.lang || 'en';

// t('ended.declined', { name: 'Bob' }) → "Bob declined the call."; a missing key shows itself.
export function t(key, values = {}) {
  const text = messages[key];
  if (text === undefined) return key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// A REST problem as a person should read it: the localized text of its stable code if there is
// one, else the server's English detail.
export function problem(error) {
  return (error.code && messages[`problem.${error.code}`]) || error.message;
}

export const dateTime = (value) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
export const time = (value) => new Intl.DateTimeFormat(lang, { timeStyle: 'medium' }).format(new Date(value));
export const number = (value, digits = 0) => new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value);
export function ago(ms) {
  const seconds = Math.round((ms - Date.now()) / 1000);
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (Math.abs(seconds) < 60) return format.format(seconds, 'second');
  if (Math.abs(seconds) < 3600) return format.format(Math.round(seconds / 60), 'minute');
  return dateTime(ms);
}
