import dev.marking.core.format.DocumentFormat;
import dev.marking.core.format.FormatRegistry;
import dev.marking.core.format.ReadModel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hot path of verify: one real file read into the read model by its adapter (PDF: the one content-stream
 * pass per page, text and ink; DOCX: the streaming reader). Files are taken from the corpus
 * ({@code -Dmarking.corpus}, default ../shared/corpus); run by bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReadBenchmark {

    @Param({"pdf/plumber_WARN-Report-for-7-1-2015-to-03-25-2016.pdf", "pdf/pdfbox_cweb.pdf",
        "pdf/pypdf_GeoBase_NHNC1_Data_Model_UML_EN.pdf", "docx/poi_bug65649.docx", "docx/poi_sample.docx"})
    public String file;

    private Path path;
    private DocumentFormat format;

    @Setup
    public void setUp() {
        path = Path.of(System.getProperty("marking.corpus", "../shared/corpus")).resolve(file);
        format = FormatRegistry.standard().forFile(path).orElseThrow();
    }

    @Benchmark
    public ReadModel read() throws Exception {
        return format.read(path);
    }
}
