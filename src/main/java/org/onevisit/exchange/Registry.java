package org.onevisit.exchange;

/** A department's registry that answers data requests: its code, name and department. */
public record Registry(String code, String name, String departmentCode) {

}
