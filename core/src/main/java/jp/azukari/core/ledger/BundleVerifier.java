package jp.azukari.core.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Verifies an inspection bundle with nothing but the JDK and the bundle itself (docs/ledger.md):
 * the public key (and its fingerprint, when the inspector has one from another channel), the
 * digest's signature, the leaves' Merkle root, every chain recomputed from its events up to its
 * leaf, the signed {@code SHA256SUMS} against every file, and every disposal certificate against
 * its recorded SHA-256. Each check is one line naming the file and the entry.
 */
public final class BundleVerifier {

    static final int MAX_NAMED = 20;
    private static final HexFormat HEX = HexFormat.of();

    public record Check(boolean holds, String line) {}

    public record Result(List<Check> checks) {

        public boolean holds() {
            return !checks.isEmpty() && checks.stream().allMatch(Check::holds);
        }

        public long failed() {
            return checks.stream().filter(c -> !c.holds()).count();
        }
    }

    private final List<Check> checks = new ArrayList<>();

    private BundleVerifier() {}

    public static Result verify(Path bundle, String expectedKeyFingerprint) {
        return verify(bundle, expectedKeyFingerprint, SafeZip.Limits.DEFAULT);
    }

    public static Result verify(Path bundle, String expectedKeyFingerprint, SafeZip.Limits limits) {
        var v = new BundleVerifier();
        try (SafeZip zip = new SafeZip(bundle, limits)) {
            v.ok(
                    "ZIP: "
                            + zip.names().size()
                            + " entries, every name inside the archive, within the size limits");
            v.run(zip, expectedKeyFingerprint);
        } catch (SafeZip.Refused e) {
            v.fail("ZIP refused: " + e.getMessage());
        } catch (IOException e) {
            v.fail("ZIP unreadable: " + e.getMessage());
        }
        return new Result(List.copyOf(v.checks));
    }

    private void ok(String line) {
        checks.add(new Check(true, line));
    }

    private void fail(String line) {
        checks.add(new Check(false, line));
    }

    private void run(SafeZip zip, String expectedKey) throws IOException {
        for (String required :
                List.of(
                        "ledger/public-key.pem",
                        "ledger/digest.json",
                        "ledger/digest-leaves.jsonl",
                        "ledger/events.jsonl",
                        "SHA256SUMS",
                        "SHA256SUMS.sig")) {
            if (!zip.has(required)) {
                fail(required + ": missing from the bundle");
                return;
            }
        }
        PublicKey key;
        try {
            key =
                    Ed25519.fromPem(
                            new String(
                                    zip.read("ledger/public-key.pem"), StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            fail("ledger/public-key.pem: " + e.getMessage());
            return;
        }
        String fingerprint = Ed25519.fingerprint(key);
        if (expectedKey == null || expectedKey.isBlank()) {
            ok(
                    "ledger/public-key.pem: Ed25519 key "
                            + fingerprint
                            + " (not compared: give --key with the fingerprint you hold)");
        } else if (expectedKey.strip().equalsIgnoreCase(fingerprint)) {
            ok("ledger/public-key.pem: Ed25519 key " + fingerprint + ", the one expected");
        } else {
            fail(
                    "ledger/public-key.pem: key "
                            + fingerprint
                            + " is not the expected "
                            + expectedKey.strip());
        }
        Digest digest;
        try {
            digest =
                    Digest.parse(
                            FlatJson.read(
                                    new String(
                                                    zip.read("ledger/digest.json"),
                                                    StandardCharsets.UTF_8)
                                            .strip()));
        } catch (IllegalArgumentException e) {
            fail("ledger/digest.json: " + e.getMessage());
            return;
        }
        if (!digest.keyFingerprint().equals(fingerprint)) {
            fail(
                    "ledger/digest.json: signed by key "
                            + digest.keyFingerprint()
                            + ", not by ledger/public-key.pem ("
                            + fingerprint
                            + ")");
        } else if (!digest.signedBy(key)) {
            fail("ledger/digest.json: the signature does not verify with ledger/public-key.pem");
        } else {
            ok(
                    "ledger/digest.json: signature holds (digest "
                            + digest.id()
                            + ", fingerprint "
                            + digest.fingerprint()
                            + ")");
        }
        Map<UUID, Leaf> leaves = leaves(zip, digest);
        if (leaves != null) {
            chains(zip, leaves);
        }
        sums(zip, key);
        certificates(zip);
    }

    private record Leaf(ChainHead head, int line) {}

    private Map<UUID, Leaf> leaves(SafeZip zip, Digest digest) throws IOException {
        Map<UUID, Leaf> out = new HashMap<>();
        var tree = new MerkleTree.Builder();
        long events = 0;
        UUID previous = null;
        try (var in = reader(zip, "ledger/digest-leaves.jsonl")) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                Map<String, String> f;
                ChainHead h;
                try {
                    f = FlatJson.read(line);
                    h =
                            new ChainHead(
                                    UUID.fromString(f.get("asset_id")),
                                    Integer.parseInt(f.get("seq")),
                                    HEX.parseHex(f.get("hash")));
                } catch (RuntimeException e) {
                    fail(
                            "ledger/digest-leaves.jsonl line "
                                    + n
                                    + ": malformed ("
                                    + e.getMessage()
                                    + ")");
                    return null;
                }
                if (previous != null && ChainHead.ORDER.compare(previous, h.assetId()) >= 0) {
                    fail(
                            "ledger/digest-leaves.jsonl line "
                                    + n
                                    + ": out of order (asset "
                                    + h.assetId()
                                    + ")");
                    return null;
                }
                previous = h.assetId();
                tree.addLeafHash(h.leafHash());
                events += h.seq();
                out.put(h.assetId(), new Leaf(h, n));
            }
        }
        if (tree.size() != digest.chains() || events != digest.events()) {
            fail(
                    "ledger/digest-leaves.jsonl: "
                            + tree.size()
                            + " chains and "
                            + events
                            + " events, the digest says "
                            + digest.chains()
                            + " and "
                            + digest.events());
        } else if (!MessageDigest.isEqual(tree.root(), digest.root())) {
            fail(
                    "ledger/digest-leaves.jsonl: the Merkle root "
                            + HEX.formatHex(tree.root())
                            + " is not the digest's");
        } else {
            ok(
                    "ledger/digest-leaves.jsonl: "
                            + tree.size()
                            + " chain heads make the digest's Merkle root");
        }
        return out;
    }

    private void chains(SafeZip zip, Map<UUID, Leaf> leaves) throws IOException {
        int named = 0;
        long events = 0;
        Set<UUID> done = new HashSet<>();
        Chain chain = null;
        int chainLine = 0;
        int n = 0;
        List<String> failures = new ArrayList<>();
        try (var in = reader(zip, "ledger/events.jsonl")) {
            String line;
            while ((line = in.readLine()) != null) {
                n++;
                LedgerEvent e;
                try {
                    e = EventJson.read(line);
                } catch (IllegalArgumentException x) {
                    failures.add(
                            "ledger/events.jsonl line "
                                    + n
                                    + ": malformed event ("
                                    + x.getMessage()
                                    + ")");
                    continue;
                }
                events++;
                if (chain == null || !chain.assetId().equals(e.assetId())) {
                    finish(chain, leaves, failures, chainLine);
                    if (chain != null) {
                        done.add(chain.assetId());
                    }
                    if (done.contains(e.assetId())) {
                        failures.add(
                                "ledger/events.jsonl line "
                                        + n
                                        + ": asset "
                                        + e.assetId()
                                        + " appears again after other assets");
                    }
                    chain = new Chain(e.assetId());
                }
                Chain.Break before = chain.broken();
                if (!chain.append(e) && before == null) {
                    Chain.Break b = chain.broken();
                    failures.add(
                            "ledger/events.jsonl line "
                                    + n
                                    + " (asset "
                                    + e.assetId()
                                    + ", seq "
                                    + e.seq()
                                    + "): "
                                    + b.reason());
                }
                chainLine = n;
            }
        }
        finish(chain, leaves, failures, chainLine);
        if (chain != null) {
            done.add(chain.assetId());
        }
        for (Leaf leaf : leaves.values()) {
            if (!done.contains(leaf.head().assetId())) {
                failures.add(
                        "ledger/events.jsonl: no event of asset "
                                + leaf.head().assetId()
                                + ", which ledger/digest-leaves.jsonl line "
                                + leaf.line()
                                + " puts at seq "
                                + leaf.head().seq());
            }
        }
        if (failures.isEmpty()) {
            ok(
                    "ledger/events.jsonl: "
                            + events
                            + " events in "
                            + done.size()
                            + " chains recomputed; each ends at its digest head");
        }
        for (String f : failures) {
            if (named++ < MAX_NAMED) {
                fail(f);
            }
        }
        if (failures.size() > MAX_NAMED) {
            fail(
                    "ledger/events.jsonl: "
                            + (failures.size() - MAX_NAMED)
                            + " more broken links not shown");
        }
    }

    private static void finish(
            Chain chain, Map<UUID, Leaf> leaves, List<String> failures, int lastLine) {
        if (chain == null || chain.broken() != null) {
            return;
        }
        Leaf leaf = leaves.get(chain.assetId());
        if (leaf == null) {
            failures.add(
                    "ledger/events.jsonl line "
                            + lastLine
                            + ": asset "
                            + chain.assetId()
                            + " is not covered by the digest");
            return;
        }
        Chain.Break b =
                chain.against(
                        leaf.head().seq(),
                        leaf.head().hash(),
                        "ledger/digest-leaves.jsonl line " + leaf.line());
        if (b != null) {
            failures.add(
                    "ledger/events.jsonl line "
                            + lastLine
                            + " (asset "
                            + chain.assetId()
                            + "): "
                            + b.reason());
        }
    }

    private void sums(SafeZip zip, PublicKey key) throws IOException {
        byte[] sums = zip.read("SHA256SUMS");
        byte[] sig;
        try {
            sig =
                    Base64.getDecoder()
                            .decode(
                                    new String(
                                                    zip.read("SHA256SUMS.sig"),
                                                    StandardCharsets.US_ASCII)
                                            .strip());
        } catch (IllegalArgumentException e) {
            sig = new byte[0];
        }
        if (Ed25519.verify(key, sums, sig)) {
            ok("SHA256SUMS: signature holds (SHA256SUMS.sig)");
        } else {
            fail(
                    "SHA256SUMS.sig: the signature of SHA256SUMS does not verify with ledger/public-key.pem");
        }
        Set<String> listed = new HashSet<>();
        int good = 0;
        for (String line : new String(sums, StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int sp = line.indexOf("  ");
            if (sp != 64) {
                fail("SHA256SUMS: malformed line \"" + line + "\"");
                continue;
            }
            String name = line.substring(66);
            listed.add(name);
            if (!zip.has(name)) {
                fail(name + ": listed in SHA256SUMS but missing from the bundle");
            } else if (!line.substring(0, 64).equals(sha256(zip, name))) {
                fail(name + ": its SHA-256 differs from SHA256SUMS");
            } else {
                good++;
            }
        }
        for (String name : zip.names()) {
            if (!listed.contains(name)
                    && !name.equals("SHA256SUMS")
                    && !name.equals("SHA256SUMS.sig")) {
                fail(name + ": in the bundle but not listed in SHA256SUMS");
            }
        }
        ok("SHA256SUMS: " + good + " of " + listed.size() + " files have their SHA-256");
    }

    private void certificates(SafeZip zip) throws IOException {
        if (!zip.has("disposals.jsonl")) {
            return;
        }
        try (var in = reader(zip, "disposals.jsonl")) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                Map<String, String> f;
                try {
                    f = FlatJson.read(line);
                } catch (IllegalArgumentException e) {
                    fail("disposals.jsonl line " + n + ": " + e.getMessage());
                    continue;
                }
                String file = f.get("certificate_file");
                String expected = f.get("certificate_sha256");
                if (file == null || !zip.has(file)) {
                    fail(
                            "disposals.jsonl line "
                                    + n
                                    + ": certificate "
                                    + file
                                    + " is missing from the bundle");
                } else if (!sha256(zip, file).equals(expected)) {
                    fail(
                            file
                                    + ": the certificate's SHA-256 differs from disposals.jsonl line "
                                    + n
                                    + " ("
                                    + expected
                                    + ")");
                } else {
                    ok(
                            file
                                    + ": certificate SHA-256 "
                                    + expected
                                    + " as disposals.jsonl line "
                                    + n
                                    + " records");
                }
            }
        }
    }

    private static String sha256(SafeZip zip, String name) throws IOException {
        MessageDigest sha = Sha256.newDigest();
        try (var in = zip.open(name)) {
            byte[] buf = new byte[65536];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HEX.formatHex(sha.digest());
    }

    private static BufferedReader reader(SafeZip zip, String name) throws IOException {
        return new BufferedReader(new InputStreamReader(zip.open(name), StandardCharsets.UTF_8));
    }
}
