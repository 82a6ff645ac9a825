package org.onevisit.catalog;

/**
 * The value types a form field can take (a subset of JSON Schema, plus China's identity
 * numbers).
 */
public enum FieldType {

	STRING, NUMBER, DATE, ENUM, BOOLEAN, RESIDENT_ID, CREDIT_CODE

}
