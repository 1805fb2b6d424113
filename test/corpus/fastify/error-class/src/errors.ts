// The app's error classes: the status is fixed in each class.
export class AppError extends Error {
  statusCode = 500;
}

export class AuthenticationError extends AppError {
  statusCode = 401; // expect: missing-www-authenticate
}

export class PermissionError extends AppError {
  statusCode = 403;
}
