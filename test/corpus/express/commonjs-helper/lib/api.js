// CommonJS helpers shared by the routes: the caller picks the status.
function sendError(status, res, err) {
  res.status(status).json({ error: err.message });
}

function sendAuthError(status, res, message) {
  if (status === 401) res.set('WWW-Authenticate', 'Bearer realm="api"');
  res.status(status).json({ error: message });
}

module.exports = { sendError, sendAuthError };
