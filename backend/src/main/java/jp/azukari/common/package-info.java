/**
 * The small shared kernel every feature speaks: roles, party kinds and the acting user. No
 * framework types.
 */
package jp.azukari.common;
