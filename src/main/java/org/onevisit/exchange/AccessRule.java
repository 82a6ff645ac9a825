package org.onevisit.exchange;

/**
 * A consuming department may read a data element for one service item: the material or
 * pre-filled field of the item that needs it.
 */
public record AccessRule(String consumer, String element, String item) {

}
