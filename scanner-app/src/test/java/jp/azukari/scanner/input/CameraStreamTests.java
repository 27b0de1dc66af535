package jp.azukari.scanner.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import jp.azukari.core.decode.QrDecoder;
import jp.azukari.core.image.ImageLoader;
import jp.azukari.core.image.PhotoDecoder;
import jp.azukari.scanner.testing.LabelPictures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 3: a camera stream showing labels over many frames yields each label exactly once. */
class CameraStreamTests {

    @TempDir Path folder;

    private final PhotoDecoder decoder =
            new PhotoDecoder(new ImageLoader(), new QrDecoder(QrDecoder.Effort.QUICK));

    @Test
    void eachLabelIsReportedOnceHoweverManyFramesShowIt() throws Exception {
        List<String> labels = LabelPictures.payloads(5);
        Path stream = folder.resolve("camera.mjpeg");
        Files.write(stream, mjpeg(labels));

        List<InputEvent> events = run("cat '" + stream + "'");

        assertThat(events).allMatch(InputEvent.Read.class::isInstance);
        List<String> reported =
                events.stream().flatMap(e -> ((InputEvent.Read) e).texts().stream()).toList();
        assertThat(reported).containsExactlyInAnyOrderElementsOf(labels).doesNotHaveDuplicates();
    }

    @Test
    void aCommandThatGivesNoPicturesIsReportedWithWhatItSaid() throws Exception {
        List<InputEvent> events = run("echo 'no such device /dev/video9' >&2; exit 1");

        assertThat(events)
                .singleElement()
                .isInstanceOfSatisfying(
                        InputEvent.Failed.class,
                        failed -> {
                            assertThat(failed.problem())
                                    .isEqualTo(InputEvent.Problem.CAMERA_NO_FRAMES);
                            assertThat(failed.detail()).contains("no such device /dev/video9");
                        });
    }

    @Test
    void aCommandThatDiesAfterSomeFramesIsReportedAfterTheLabelsItShowed() throws Exception {
        String label = LabelPictures.payload("A-2026-000001");
        Path stream = folder.resolve("short.mjpeg");
        Files.write(stream, LabelPictures.encode(frame(List.of(label), 0), "jpg"));

        List<InputEvent> events = run("cat '" + stream + "'; exit 3");

        assertThat(events).hasSize(2);
        assertThat(events.get(0))
                .isInstanceOfSatisfying(
                        InputEvent.Read.class,
                        read -> assertThat(read.texts()).containsExactly(label));
        assertThat(events.get(1))
                .isInstanceOfSatisfying(
                        InputEvent.Failed.class,
                        failed ->
                                assertThat(failed.problem())
                                        .isEqualTo(InputEvent.Problem.CAMERA_FAILED));
    }

    private List<InputEvent> run(String command) throws InterruptedException {
        List<InputEvent> events = new ArrayList<>();
        new CameraStream(command, decoder, Clock.systemUTC(), CameraStream.DEFAULT_MAX_FRAME_BYTES)
                .run(events::add);
        return events;
    }

    /**
     * Sixty frames: empty table, then the labels coming into view one or two at a time and staying
     * a while, the first one coming back at the end, some frames showing nothing. Each is a JPEG,
     * as ffmpeg -f mjpeg writes them.
     */
    private static byte[] mjpeg(List<String> labels) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 60; i++) {
            List<String> visible = new ArrayList<>();
            int step = i / 10;
            if (step >= 1 && step <= 5) {
                visible.add(labels.get(step - 1));
            }
            if (step >= 2 && step <= 5 && i % 10 >= 5) {
                visible.add(labels.get((step) % labels.size()));
            }
            if (i >= 57) {
                visible.add(labels.get(0));
            }
            stream.writeBytes(LabelPictures.encode(frame(visible, i), "jpg"));
        }
        return stream.toByteArray();
    }

    private static BufferedImage frame(List<String> visible, int index) {
        BufferedImage frame = new BufferedImage(480, 270, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(new Color(180 + index % 20, 175, 170));
        g.fillRect(0, 0, frame.getWidth(), frame.getHeight());
        for (int i = 0; i < visible.size(); i++) {
            g.drawImage(
                    LabelPictures.qr(visible.get(i), 4),
                    20 + i * 230 + index % 7,
                    40 + index % 11,
                    null);
        }
        g.dispose();
        return frame;
    }
}
