package jp.azukari.inspection;

/**
 * The bundle's README, in Japanese and English: what each file is and how to verify it without the
 * server.
 */
final class BundleReadme {

    private BundleReadme() {}

    static String text(InspectionService.Prepared p) {
        return """
                # 検査パッケージ / Inspection bundle — %s

                契約 / Contract: %s %s
                作成 / Made at: %s
                ダイジェスト指紋 / Digest fingerprint: %s
                署名鍵 / Signing key (Ed25519, SHA-256 of the raw key): %s

                ## 日本語

                このパッケージは、発注者が情報セキュリティ特約条項（第8条・第9条）に基づき契約の委託資産を検査するための資料です。
                サーバーに接続せずに、次のコマンドで改ざんがないことを確かめられます（Java 17 以上のみ必要）:

                    ./scanner verify-bundle このファイル.zip --key %s

                `--key` には、事前に別の経路で受け取った設置先の公開鍵の指紋を指定してください。各検査が 1 行ずつ表示され、
                すべて成立したときだけ終了コード 0 になります。

                | ファイル | 内容 |
                |---|---|
                | contract.json | 契約 |
                | parties.jsonl | 関係する当事者（ID と名称） |
                | assets.jsonl | 資産（状態、保管者、台帳の先頭） |
                | transfers.jsonl, transfer-lines.jsonl | 引渡しとその明細 |
                | approvals.jsonl | 承認（持ち出し、再委託先への提供、複製、返却に代わる廃棄） |
                | incidents.jsonl | 事故とその経過 |
                | take-outs.jsonl | 持ち出し |
                | audits.jsonl | 監査（棚卸し）の結果 |
                | disposals.jsonl, certificates/ | 廃棄と廃棄証明書（SHA-256 付き） |
                | ledger/events.jsonl | 資産ごとの台帳記録（正規形の項目、prev_hash と hash）。資産 ID、seq の順 |
                | ledger/digest-leaves.jsonl | ダイジェストが対象とした各資産の台帳の先頭（資産 ID、seq、hash） |
                | ledger/digest.json | 設置先の Ed25519 鍵で署名したダイジェスト（Merkle root） |
                | ledger/public-key.pem | 設置先の公開鍵 |
                | report.pdf | コンプライアンス報告書 |
                | SHA256SUMS, SHA256SUMS.sig | 全ファイルの SHA-256 と、その署名 |

                検証の内容: 各資産の連鎖（seq の連続、prev_hash、正規形の SHA-256）を再計算し、その先頭が
                digest-leaves.jsonl と一致すること、葉の Merkle root がダイジェストと一致すること、ダイジェストと SHA256SUMS の
                署名が公開鍵で検証できること、各ファイルと各廃棄証明書の SHA-256 が一致することを確かめます。
                形式の詳細は docs/ledger.md にあり、独自の検証プログラムも作れます。

                ## English

                This bundle lets the agency inspect the assets of one contract (articles 8 and 9 of the special provisions on
                information security). Check it without the server, with only Java 17 or later:

                    ./scanner verify-bundle THIS-FILE.zip --key %s

                Give `--key` the fingerprint of the installation's public key as you received it by another channel. The
                verifier prints one line per check and exits 0 only when every check holds.

                | file | what it is |
                |---|---|
                | contract.json | the contract |
                | parties.jsonl | the parties involved (id and name) |
                | assets.jsonl | the assets (state, holder, chain head) |
                | transfers.jsonl, transfer-lines.jsonl | handoffs and their lines |
                | approvals.jsonl | approvals (take-out, provision to a subcontractor, copy, disposal instead of return) |
                | incidents.jsonl | incidents and their timelines |
                | take-outs.jsonl | take-outs |
                | audits.jsonl | audit (inventory) results |
                | disposals.jsonl, certificates/ | disposals and their certificates (with SHA-256) |
                | ledger/events.jsonl | every ledger event of these assets (canonical fields, prev_hash, hash), by asset id then seq |
                | ledger/digest-leaves.jsonl | the chain head of each asset the digest covered (asset id, seq, hash) |
                | ledger/digest.json | the digest (Merkle root) signed with the installation's Ed25519 key |
                | ledger/public-key.pem | the installation's public key |
                | report.pdf | the compliance report |
                | SHA256SUMS, SHA256SUMS.sig | the SHA-256 of every file, and its signature |

                What is checked: every chain is recomputed (gapless seq, prev_hash, SHA-256 of the canonical encoding) and
                must end at its head in digest-leaves.jsonl; the leaves' Merkle root must be the digest's; the digest and
                SHA256SUMS must verify with the public key; every file and every certificate must have its SHA-256. The
                formats are in docs/ledger.md, precisely enough to write a verifier of your own.
                """
                .formatted(
                        p.contract().number(),
                        p.contract().number(),
                        p.contract().title(),
                        p.at(),
                        p.digest().fingerprint(),
                        p.keys().fingerprint(),
                        p.keys().fingerprint(),
                        p.keys().fingerprint());
    }
}
