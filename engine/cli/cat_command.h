// `corpusflow cat SHARD...`: decode any shard (zstd or plain) to stdout, as `zstd -dc` would.
#pragma once

namespace CLI {
class App;
}

namespace corpusflow {

void register_cat_command(CLI::App& app);

}  // namespace corpusflow
