package org.onevisit.catalog;

/**
 * A party to a matter, as catalogue data: the form field that holds their identifier,
 * their role in the matter (申请人, 卖方, 共有人, 买方, 配偶, 纳税人…) and whether the matter waits for
 * them to confirm it before any department reviews it.
 */
public record Party(String field, String role, boolean confirms) {

}
