package dev.marking.core.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The part of the SARIF 2.1.0 object model marking writes; Jackson serialises it, absent (null)
 * members are left out.
 *
 * @param schema  the schema URI
 * @param version always {@code 2.1.0}
 * @param runs    one run per invocation
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SarifLog(@JsonProperty("$schema") String schema, String version, List<Run> runs) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Run(Tool tool, List<Artifact> artifacts, List<Result> results, String columnKind) {
    }

    record Tool(Driver driver) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Driver(String name, String version, String informationUri, List<ReportingDescriptor> rules) {
    }

    record ReportingDescriptor(String id, Text shortDescription, Configuration defaultConfiguration) {
    }

    record Configuration(String level) {
    }

    record Text(String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Artifact(ArtifactLocation location, String mimeType) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ArtifactLocation(String uri, Integer index) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Result(String ruleId, int ruleIndex, String level, Text message, List<SarifLocation> locations,
            Map<String, String> partialFingerprints, Map<String, Object> properties) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record SarifLocation(PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Region(Integer startLine, Integer startColumn) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record LogicalLocation(String name, String fullyQualifiedName, String kind) {
    }
}
