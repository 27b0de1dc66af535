package jp.azukari.scanner.input;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lists a folder. A seam because a test running as root cannot make a folder it is itself refused.
 */
@FunctionalInterface
public interface FolderLister {

    FolderLister FILE_SYSTEM = Files::newDirectoryStream;

    DirectoryStream<Path> list(Path folder) throws IOException;
}
