package org.videochat.it;

import org.videochat.it.support.OnPayaraMicro;

/** {@link CallProtocolTests} on Payara Micro (Arquillian), the modules deployed as one WAR. */
class CallProtocolIT extends OnPayaraMicro implements CallProtocolTests {}
