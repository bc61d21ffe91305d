import {
  FileStore,
  STORE_FORMAT
} from "./lib-chunk-OJ3H2LKT.js";
import "./lib-chunk-6KFU3OGS.js";
export {
  FileStore,
  STORE_FORMAT
};
