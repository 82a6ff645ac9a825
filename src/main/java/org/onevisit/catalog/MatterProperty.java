package org.onevisit.catalog;

/**
 * The property an item's matter is about (a flat sold, a mortgage released): the form
 * field holding its certificate number and the field of the owner whose ownership records
 * the property registry is asked, with the law that has such a matter handled where the
 * property lies (不动产登记由不动产所在地的县级人民政府不动产登记机构办理). A citywide item naming it goes to the
 * implementation of the county the property registry records for the property, not to the
 * applicant's household county.
 */
public record MatterProperty(String certificate, String owner, String basis) {
}
