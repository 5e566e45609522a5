package io.isotrace.controller.config;

import io.isotrace.controller.Controller;

/**
 * A controller built from a policy file, with the SHA-256 of the file's canonical content (the same for the YAML
 * and the JSON spelling of one policy; comments and layout do not count).
 */
public record LoadedPolicy(Controller controller, String digest, String source) {
}
