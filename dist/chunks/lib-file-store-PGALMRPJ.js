import {
  FileStore,
  STORE_FORMAT
} from "./lib-chunk-2CGS3K7C.js";
import "./lib-chunk-6KFU3OGS.js";
export {
  FileStore,
  STORE_FORMAT
};
