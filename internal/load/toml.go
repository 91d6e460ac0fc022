package load

import "github.com/BurntSushi/toml"

// decodeLoose decodes TOML ignoring keys v does not have; it is used to read
// the kind before the full, strict decoding.
func decodeLoose(src string, v any) (toml.MetaData, error) {
	return toml.Decode(src, v)
}
