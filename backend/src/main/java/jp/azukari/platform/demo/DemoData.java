package jp.azukari.platform.demo;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jp.azukari.approval.ApprovalService;
import jp.azukari.asset.AssetService;
import jp.azukari.asset.AssetView;
import jp.azukari.common.Actor;
import jp.azukari.common.Role;
import jp.azukari.contract.ContractService;
import jp.azukari.contract.ContractView;
import jp.azukari.core.custody.TransferKind;
import jp.azukari.custody.TransferService;
import jp.azukari.custody.TransferService.ConfirmContext;
import jp.azukari.custody.TransferService.OpenRequest;
import jp.azukari.custody.domain.ApprovalKind;
import jp.azukari.custody.domain.ApprovalStatus;
import jp.azukari.custody.domain.HandlingAcknowledgement;
import jp.azukari.platform.AgencyTimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import reactor.core.publisher.Mono;

/**
 * A small world to try every flow at once: a contractor and a subcontractor, one user per role, a
 * contract whose return date has passed (so some assets are overdue, a few of them at the
 * subcontractor) and a running one. Everything custodial goes through the same use cases as the
 * API, as the demo users, so the ledger is genuine. Refuses to run on a database that holds
 * anything beyond the first start's agency and administrator.
 */
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final DatabaseClient db;
    private final PasswordEncoder passwords;
    private final SecureRandom random;
    private final ContractService contracts;
    private final AssetService assets;
    private final ApprovalService approvals;
    private final TransferService transfers;
    private final Clock clock;
    private final AgencyTimeZone zone;

    public DemoData(
            DatabaseClient db,
            PasswordEncoder passwords,
            SecureRandom random,
            ContractService contracts,
            AssetService assets,
            ApprovalService approvals,
            TransferService transfers,
            Clock clock,
            AgencyTimeZone zone) {
        this.db = db;
        this.passwords = passwords;
        this.random = random;
        this.contracts = contracts;
        this.assets = assets;
        this.approvals = approvals;
        this.transfers = transfers;
        this.clock = clock;
        this.zone = zone;
    }

    public Mono<Void> load() {
        return db.sql(
                        "SELECT (SELECT count(*) FROM contract) + (SELECT count(*) FROM asset) + (SELECT count(*) FROM party WHERE kind <> 'AGENCY')"
                                + " + greatest((SELECT count(*) FROM app_user) - 1, 0) AS n")
                .map(r -> r.get("n", Long.class))
                .one()
                .flatMap(
                        n ->
                                n > 0
                                        ? Mono.error(
                                                new IllegalStateException(
                                                        "The demo data set loads only into an empty database; this one already holds data. "
                                                                + "Start without azukari.demo.enabled, or point AZUKARI_EMBEDDED_DATA_DIR at a new folder."))
                                        : Mono.empty())
                .then(
                        db.sql(
                                        "SELECT id FROM party WHERE kind = 'AGENCY' ORDER BY created_at LIMIT 1")
                                .map(r -> r.get("id", UUID.class))
                                .one())
                .flatMap(this::build);
    }

    private record People(
            Actor manager, Actor clerk, Actor auditor, Actor custodian, Actor subCustodian) {}

    private Mono<Void> build(UUID agency) {
        UUID contractor = UUID.randomUUID();
        UUID subcontractor = UUID.randomUUID();
        List<String> credentials = new ArrayList<>();
        return party(contractor, "株式会社データ調査 (Data Survey Co.)", "CONTRACTOR")
                .then(party(subcontractor, "入力サービス合同会社 (Input Services LLC)", "SUBCONTRACTOR"))
                .then(
                        Mono.zip(
                                user("demo-manager", "管理者 花子", agency, Role.MANAGER, credentials),
                                user("demo-clerk", "窓口 太郎", agency, Role.CLERK, credentials),
                                user("demo-auditor", "監査 次郎", agency, Role.AUDITOR, credentials),
                                user(
                                        "demo-custodian",
                                        "受注者 三郎",
                                        contractor,
                                        Role.CUSTODIAN,
                                        credentials),
                                user(
                                        "demo-sub-custodian",
                                        "再委託 四郎",
                                        subcontractor,
                                        Role.CUSTODIAN,
                                        credentials)))
                .map(t -> new People(t.getT1(), t.getT2(), t.getT3(), t.getT4(), t.getT5()))
                .flatMap(
                        p ->
                                overdueContract(p, contractor, subcontractor)
                                        .then(runningContract(p, contractor)))
                .doOnSuccess(
                        v ->
                                log.warn(
                                        """

                        ================ Azukari demo data loaded ================
                        Two contracts, 36 assets, some overdue (four at the subcontractor).
                        Users (passwords are shown this once):
                        {}
                        ==========================================================""",
                                        String.join("\n", credentials)));
    }

    private Mono<Void> overdueContract(People p, UUID contractor, UUID subcontractor) {
        LocalDate today = zone.today(clock);
        return contracts
                .register(
                        p.manager(),
                        new ContractService.NewContract(
                                "R8-調査-001",
                                "令和8年度 住民意識調査業務",
                                contractor,
                                today.minusDays(120),
                                today.minusDays(10),
                                null))
                .flatMap(c -> register(p, c, 24, "住民意識調査票 回答用紙 第%d束", "RECORDING_MEDIA"))
                .flatMap(
                        list -> {
                            List<UUID> out =
                                    list.subList(0, 12).stream().map(AssetView::id).toList();
                            List<UUID> toSub = out.subList(0, 4);
                            return issue(p, out)
                                    .then(
                                            approvals.request(
                                                    p.custodian(),
                                                    new ApprovalService.Request(
                                                            list.get(0).contractId(),
                                                            ApprovalKind.PROVIDE_TO_SUBCONTRACTOR,
                                                            subcontractor,
                                                            toSub,
                                                            today.plusDays(30),
                                                            "データ入力作業の再委託")))
                                    .flatMap(
                                            a ->
                                                    approvals.decide(
                                                            p.manager(),
                                                            a.id(),
                                                            new ApprovalService.Decision(
                                                                    ApprovalStatus.APPROVED,
                                                                    "再委託先の情報セキュリティ体制を確認済み",
                                                                    null)))
                                    .flatMap(
                                            a ->
                                                    transfers.open(
                                                            p.custodian(),
                                                            new OpenRequest(
                                                                    TransferKind.HANDOFF,
                                                                    subcontractor,
                                                                    a.id(),
                                                                    toSub,
                                                                    null)))
                                    .flatMap(
                                            t ->
                                                    transfers.confirm(
                                                            p.subCustodian(),
                                                            t.id(),
                                                            toSub,
                                                            ConfirmContext.api("demo", "入力センター")
                                                                    .acknowledging(
                                                                            HandlingAcknowledgement
                                                                                    .ACKNOWLEDGED)))
                                    .then();
                        });
    }

    private Mono<Void> runningContract(People p, UUID contractor) {
        LocalDate today = zone.today(clock);
        return contracts
                .register(
                        p.manager(),
                        new ContractService.NewContract(
                                "R8-システム-014",
                                "統計システム改修業務",
                                contractor,
                                today.minusDays(30),
                                today.plusDays(60),
                                today.plusDays(67)))
                .flatMap(c -> register(p, c, 12, "統計データ抽出ファイル %d (暗号化USB)", "DATA"))
                .flatMap(list -> issue(p, list.subList(0, 6).stream().map(AssetView::id).toList()));
    }

    private Mono<List<AssetView>> register(
            People p, ContractView c, int n, String title, String kind) {
        List<AssetService.NewAsset> batch = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            batch.add(
                    new AssetService.NewAsset(
                            null,
                            kind,
                            String.format(title, i),
                            "SN-" + (1000 + i),
                            i % 3 == 0 ? "CONFIDENTIAL" : "PERSONAL_DATA",
                            "施錠保管・持出禁止・暗号化必須"));
        }
        return assets.register(p.clerk(), c.id(), batch).collectList();
    }

    private Mono<Void> issue(People p, List<UUID> ids) {
        return transfers
                .open(p.clerk(), new OpenRequest(TransferKind.ISSUE, null, null, ids, "窓口で貸与"))
                .flatMap(
                        t ->
                                transfers.confirm(
                                        p.custodian(),
                                        t.id(),
                                        ids,
                                        ConfirmContext.api("demo", "受注者事務所")
                                                .acknowledging(
                                                        HandlingAcknowledgement.ACKNOWLEDGED)))
                .then();
    }

    private Mono<Void> party(UUID id, String name, String kind) {
        return db.sql("INSERT INTO party (id, name, kind) VALUES (:id, :name, :kind)")
                .bind("id", id)
                .bind("name", name)
                .bind("kind", kind)
                .then();
    }

    private Mono<Actor> user(
            String username, String display, UUID party, Role role, List<String> credentials) {
        UUID id = UUID.randomUUID();
        String password = password();
        synchronized (credentials) {
            credentials.add(String.format("  %-20s %-10s %s", username, role, password));
        }
        return Mono.fromCallable(() -> passwords.encode(password))
                .flatMap(
                        hash ->
                                db.sql(
                                                """
                                INSERT INTO app_user (id, username, display_name, party_id, role, password_hash)
                                VALUES (:id, :username, :display, :party, :role, :hash)""")
                                        .bind("id", id)
                                        .bind("username", username)
                                        .bind("display", display)
                                        .bind("party", party)
                                        .bind("role", role.name())
                                        .bind("hash", hash)
                                        .then())
                .thenReturn(new Actor(id, username, role, party));
    }

    private String password() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
