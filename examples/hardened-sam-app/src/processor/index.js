// Upload processor: builds a thumbnail manifest for every uploaded object
const _ = require('lodash');

exports.handler = async (event) => {
  const records = event.Records || [];
  const objects = records.map((r) => _.pick(r.s3, ['bucket.name', 'object.key', 'object.size']));
  const options = _.defaultsDeep({}, JSON.parse(event.body || '{}'), { sizes: [128, 512] });
  return { statusCode: 200, body: JSON.stringify({ objects, options }) };
};
