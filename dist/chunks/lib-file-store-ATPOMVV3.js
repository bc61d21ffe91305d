import {
  FileStore,
  STORE_FORMAT
} from "./lib-chunk-LYOAYIPA.js";
import "./lib-chunk-MEYBRUXD.js";
import "./lib-chunk-6FJPLQQP.js";
export {
  FileStore,
  STORE_FORMAT
};
