/**
 * Asset labels: the signed QR payload ({@code AZ1:<KEY-ID>:<TAG>:<MAC>}, see docs/contracts.md and
 * docs/labels.md) and its rendering as PNG, SVG and PDF. The codec and the renderers are plain Java
 * with no framework types; the web layer wires them.
 */
package jp.azukari.label;
