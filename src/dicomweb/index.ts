export { dicomwebPlugin, type DicomwebPluginOptions } from './plugin.js';
export { DicomwebUpstream, type DicomwebUpstreamOptions } from './upstream.js';
export { readMultipart, MultipartWriter, boundaryOf, type Part } from './multipart.js';
