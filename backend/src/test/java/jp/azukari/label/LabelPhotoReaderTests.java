package jp.azukari.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import jp.azukari.platform.problem.ProblemException;
import jp.azukari.platform.problem.ProblemKind;
import org.junit.jupiter.api.Test;

/** The console's photo and camera modes read printed labels with the scanner app's decoder. */
class LabelPhotoReaderTests {

    private final LabelPhotoReader reader = new LabelPhotoReader();

    @Test
    void aPhotoOfAPrintedLabelGivesItsCanonicalPayload() {
        LabelContent label = LabelFixtures.label(9); // the URL form
        byte[] png = new PngLabelRenderer().png(label, LabelSize.TAPE_62X29, 300);

        List<LabelPhotoReader.FoundCode> found = reader.photo(png).block();

        assertThat(found)
                .singleElement()
                .satisfies(
                        code -> {
                            assertThat(code.text()).isEqualTo(label.payload());
                            assertThat(code.payload())
                                    .isEqualTo(LabelFixtures.CODEC.encode(label.tag()));
                            assertThat(code.x()).isPositive();
                        });
        assertThat(reader.cameraFrame(png).block())
                .extracting(LabelPhotoReader.FoundCode::payload)
                .containsExactly(LabelFixtures.CODEC.encode(label.tag()));
    }

    @Test
    void somethingThatIsNotAPictureIsABadRequest() throws IOException {
        ByteArrayOutputStream notAPicture = new ByteArrayOutputStream();
        notAPicture.write("not a picture at all".getBytes());
        assertThatThrownBy(() -> reader.photo(notAPicture.toByteArray()).block())
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProblemKind.BAD_REQUEST));
    }
}
