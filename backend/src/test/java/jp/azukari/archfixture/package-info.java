/**
 * Classes that break each architecture rule on purpose, so {@code ArchitectureTests} can show every
 * rule failing when violated. Never imported by the product; the main rules read only production
 * classes.
 */
package jp.azukari.archfixture;
