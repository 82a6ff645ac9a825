/**
 * What citizens say back (好差评 and 办不成事反映): a rating of a finished application, where 1 or
 * 2 stars opens a rectification each department concerned must answer; complaints about
 * anything, tracked to an answer; and questions asked at the hall or online, for which
 * the clerk who first answers is recorded as responsible (首问负责).
 */
@ApplicationModule(displayName = "Ratings, complaints and enquiries")
package org.onevisit.feedback;

import org.springframework.modulith.ApplicationModule;
