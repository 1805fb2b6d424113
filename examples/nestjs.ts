// A NestJS controller and guard with the mistakes HTTP Auth Lint finds. Each expected finding is
// marked at the end of its line with `expect: <rule>`; `npx http-auth-lint examples/` shows them.
import {
  CanActivate, Controller, Delete, ExecutionContext, Get, Header, HttpCode, HttpStatus,
  Injectable, Param, Post, Req, Res, UnauthorizedException, UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { tokens } from './lib/tokens';

// Nest's exception filter sends the exception's body only: this 401 goes out without a challenge.
// Returning false makes Nest answer 403, which tells a client without a token that logging in will not help.
@Injectable()
export class TokenGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const token = request.headers.authorization;
    if (!token) {
      return false; // expect: forbidden-for-missing-credentials
    }
    if (!(await tokens.verify(token))) {
      throw new UnauthorizedException('Invalid token'); // expect: missing-www-authenticate
    }
    return true;
  }
}

// Right: the guard has the response, so the challenge is set on it before the exception.
@Injectable()
export class ChallengingGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    if (!http.getRequest<Request>().headers.authorization) {
      const res = http.getResponse<Response>();
      res.header('WWW-Authenticate', 'Bearer realm="notes"');
      throw new UnauthorizedException('Log in');
    }
    return true;
  }
}

@Controller('notes')
@UseGuards(TokenGuard)
export class NotesController {
  @Delete(':id')
  remove(@Req() req: Request & { user: { roles: string[] } }, @Param('id') id: string) {
    if (!req.user.roles.includes('editor')) {
      throw new UnauthorizedException('Editors only'); // expect: missing-www-authenticate, unauthorized-for-permission
    }
    return { deleted: id };
  }

  @Post('login')
  @HttpCode(HttpStatus.UNAUTHORIZED) // expect: missing-www-authenticate
  loginPage() {
    return { error: 'log in at /auth' };
  }

  @Get('login')
  @HttpCode(401)
  @Header('WWW-Authenticate', 'Basic realm="notes"')
  legacyLogin() {}

  @Get('export')
  export(@Res() res: Response) {
    return res.status(407).json({ error: 'log in' }); // expect: proxy-auth-from-origin
  }
}
