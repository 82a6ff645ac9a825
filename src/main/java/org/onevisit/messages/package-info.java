/**
 * Messages to citizens and businesses (站内消息): what happened to their matters and
 * licences, kept so they can read it in my space (我的空间); an SMS or mail gateway can
 * deliver the same messages later.
 */
@ApplicationModule(displayName = "Messages")
package org.onevisit.messages;

import org.springframework.modulith.ApplicationModule;
