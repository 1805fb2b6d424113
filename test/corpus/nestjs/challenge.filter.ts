// NestJS exception filters: one adds the challenge that Nest's exceptions lack, one does not.
import {
  ArgumentsHost,
  Catch,
  Controller,
  ExceptionFilter,
  Get,
  HttpException,
  HttpStatus,
  Req,
  UnauthorizedException,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { TokenExpiredError } from 'jsonwebtoken';

// The status here is read from the exception, and the challenge is added: nothing to report.
@Catch(UnauthorizedException)
export class BearerChallengeFilter implements ExceptionFilter {
  catch(exception: UnauthorizedException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    response
      .status(exception.getStatus())
      .set('WWW-Authenticate', 'Bearer realm="api"')
      .json(exception.getResponse());
  }
}

// Maps jsonwebtoken's expiry error to a 401, without a challenge.
@Catch(TokenExpiredError)
export class TokenExpiredFilter implements ExceptionFilter {
  catch(exception: TokenExpiredError, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    response.status(HttpStatus.UNAUTHORIZED).json({ message: 'token expired', expiredAt: exception.expiredAt }); // expect: missing-www-authenticate
  }
}

// Maps every other HttpException unchanged: the status is not known statically.
@Catch(HttpException)
export class JsonErrorFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<Response>();
    const status = exception.getStatus();
    // A comparison, not a send.
    const body = status === HttpStatus.UNAUTHORIZED ? { message: 'login required' } : exception.getResponse();
    response.status(status).json(body);
  }
}

@Controller('reports')
@UseFilters(TokenExpiredFilter)
export class ReportsController {
  @Get()
  list(@Req() req: Request) {
    return { owner: req.headers['x-user'] ?? null, reports: [] };
  }
}

// The filter above adds the challenge to every UnauthorizedException of this controller, so the
// bare exception here reaches the client with WWW-Authenticate: not a finding.
@Controller('dashboards')
@UseFilters(BearerChallengeFilter)
export class DashboardsController {
  @Get()
  list(@Req() req: Request) {
    if (!req.headers.authorization) {
      throw new UnauthorizedException('login required');
    }
    return { dashboards: [] };
  }
}
