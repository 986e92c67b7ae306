package dev.marking.core.scan;

/** Hears about each file as soon as it is checked (in completion order), e.g. for progress or streaming output. */
public interface ScanListener {

    ScanListener NONE = new ScanListener() {
        @Override
        public void fileDone(FileResult result) {
        }
    };

    /** Called once per file, possibly from several threads at once. */
    void fileDone(FileResult result);
}
