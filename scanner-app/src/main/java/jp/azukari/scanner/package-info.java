/** The counter client: decodes Azukari QR labels and runs custody actions against the backend. */
package jp.azukari.scanner;
