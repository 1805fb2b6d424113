import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';

// Registered globally in main.ts: every 401 the app throws leaves with a challenge.
@Catch(HttpException)
export class ChallengeFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse();
    const status = exception.getStatus();
    if (status === 401) response.header('WWW-Authenticate', 'Bearer realm="projects"');
    response.status(status).json({ message: exception.message });
  }
}
