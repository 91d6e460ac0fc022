// The search page's script; esbuild bundles it with the modules under
// search/ (internal/assets.JS). Pages other than /tim-kiem/ do not load it.
import { start } from "./search/ui.js";

start(document, window);
