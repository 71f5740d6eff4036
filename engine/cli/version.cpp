namespace corpusflow {
const char* version() { return CORPUSFLOW_VERSION; }
}  // namespace corpusflow
