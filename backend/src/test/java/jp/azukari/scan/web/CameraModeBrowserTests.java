package jp.azukari.scan.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import jp.azukari.label.LabelContent;
import jp.azukari.label.LabelPayloadCodec;
import jp.azukari.label.LabelService;
import jp.azukari.support.BrowserTestSupport;
import jp.azukari.support.CustodyWorld;
import jp.azukari.support.CustodyWorld.Asset;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Camera mode of the scan station (issue 11, acceptance 3): Chromium's fake camera plays frames
 * made from rendered labels, the page posts frames to the server's decoder (the core one), and each
 * label is reported — and confirmed — once, though the camera shows it in many frames and the video
 * loops.
 */
class CameraModeBrowserTests extends BrowserTestSupport {

    @Autowired LabelService labels;

    @Test
    void eachLabelTheFakeCameraShowsIsReportedOnce() throws IOException {
        CustodyWorld world =
                new CustodyWorld(this)
                        .withContract(LocalDate.now().minusDays(1), LocalDate.now().plusDays(30));
        List<Asset> assets = world.registerAssets(3);
        UUID transfer =
                world.open(
                                world.clerk,
                                "ISSUE",
                                null,
                                null,
                                assets.stream().map(Asset::id).toList())
                        .id();
        LabelPayloadCodec codec = labels.codec().block();
        Path video = Files.createTempFile("azukari-labels", ".mjpeg");
        try {
            // each label in front of the camera for about two seconds (the fake camera plays
            // MJPEG at 30 frames a second), then the video starts again
            LabelPictures.mjpeg(
                    assets.stream()
                            .map(
                                    a ->
                                            new LabelContent(
                                                    codec.labelPayload(a.tag()),
                                                    a.tag(),
                                                    "調査票",
                                                    world.contractNumber,
                                                    "発注機関"))
                            .toList(),
                    60,
                    video);
            Browser camera =
                    launch(
                            List.of(
                                    "--use-fake-device-for-media-stream",
                                    "--use-fake-ui-for-media-stream",
                                    "--use-file-for-fake-video-capture=" + video));
            try {
                BrowserContext context = newContext(camera, "http://127.0.0.1:" + port);
                context.grantPermissions(List.of("camera"));
                Page p = context.newPage();
                signIn(p, world.contractorCustodian);
                p.navigate("/scan?transfer=" + transfer);
                p.locator("#scan-ack").check();
                Locator start =
                        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("カメラを起動"));
                start.click();
                assertThat(
                                p.getByRole(
                                        AriaRole.BUTTON,
                                        new Page.GetByRoleOptions().setName("カメラを停止")))
                        .hasAttribute("aria-pressed", "true");
                Locator ok = p.locator("#scan-lines li.ok");
                assertThat(ok)
                        .hasCount(
                                3,
                                new com.microsoft.playwright.assertions.LocatorAssertions
                                                .HasCountOptions()
                                        .setTimeout(120_000));
                assertThat(p.locator("#scan-count")).containsText("3件すべて確認済み");
                for (Asset a : assets) {
                    assertThat(ok.filter(new Locator.FilterOptions().setHasText(a.tag())))
                            .hasCount(1);
                }
                // the video plays on (and loops): still one line per label
                p.waitForTimeout(8_000);
                assertThat(p.locator("#scan-lines li")).hasCount(3);
                assertThat(
                                db.sql(
                                                "SELECT count(*) FROM scan WHERE transfer_id = :t AND device_id = 'browser-camera'")
                                        .bind("t", transfer)
                                        .map(r -> r.get(0, Long.class))
                                        .one()
                                        .block())
                        .isEqualTo(3);
                assertThat(
                                db.sql(
                                                "SELECT count(*) FROM custody_event WHERE transfer_id = :t AND type = 'ISSUED' AND device_id = 'browser-camera'")
                                        .bind("t", transfer)
                                        .map(r -> r.get(0, Long.class))
                                        .one()
                                        .block())
                        .isEqualTo(3);
                context.close();
            } finally {
                camera.close();
            }
        } finally {
            try {
                Files.deleteIfExists(video);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
