import {
  FileStore,
  STORE_FORMAT
} from "./lib-chunk-X5W7EPYI.js";
import "./lib-chunk-JW2HY5J3.js";
export {
  FileStore,
  STORE_FORMAT
};
