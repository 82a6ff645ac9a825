/**
 * The online service hall (网上办事大厅) citizens and businesses see first: the home page and,
 * as it grows, guides, "my space" and progress tracking.
 */
@ApplicationModule(displayName = "Online service hall")
package org.onevisit.portal;

import org.springframework.modulith.ApplicationModule;
