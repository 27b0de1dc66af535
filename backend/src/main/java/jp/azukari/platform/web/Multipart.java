package jp.azukari.platform.web;

import java.util.List;
import jp.azukari.files.Upload;
import jp.azukari.files.UploadedFiles;
import jp.azukari.platform.problem.Problems;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;

/**
 * Reading the fields and files of a multipart/form-data request, with 400 problems naming the
 * field.
 */
public final class Multipart {

    private Multipart() {}

    public static String field(
            MultiValueMap<String, Part> parts, String name, boolean required, int maxLength) {
        Part p = parts.getFirst(name);
        String value = p instanceof FormFieldPart f ? f.value() : null;
        if (value == null || value.isBlank()) {
            if (required) {
                throw Problems.invalidField(name, "is required");
            }
            return null;
        }
        if (value.length() > maxLength) {
            throw Problems.invalidField(name, "must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    public static List<Upload> files(
            MultiValueMap<String, Part> parts, String name, String fallbackName) {
        List<Part> all = parts.getOrDefault(name, List.of());
        return all.stream()
                .map(
                        p -> {
                            if (!(p instanceof FilePart f)) {
                                throw Problems.invalidField(name, "must be a file part");
                            }
                            String type =
                                    f.headers().getContentType() == null
                                            ? null
                                            : f.headers().getContentType().toString();
                            return new Upload(
                                    UploadedFiles.filename(f.filename(), fallbackName),
                                    type,
                                    f.content());
                        })
                .toList();
    }

    /**
     * The files chosen in a browser's file input: a part without a file name is an input left
     * empty, not an empty file.
     */
    public static List<Upload> chosenFiles(
            MultiValueMap<String, Part> parts, String name, String fallbackName) {
        var chosen = new org.springframework.util.LinkedMultiValueMap<String, Part>();
        parts.getOrDefault(name, List.of()).stream()
                .filter(p -> !(p instanceof FilePart f) || !f.filename().isBlank())
                .forEach(p -> chosen.add(name, p));
        return files(chosen, name, fallbackName);
    }
}
