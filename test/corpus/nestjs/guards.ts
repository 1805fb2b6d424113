// NestJS guards: API keys, roles, and a JWT guard built on @nestjs/passport.
import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ApiKeysService } from './api-keys.service';
import { audit } from './audit';

export const Roles = (...roles: string[]) => SetMetadata('roles', roles);

// A guard returning false makes Nest answer 403. Here it does so when no key was sent at all,
// which is a missing credential: the 403 is reported on the `return false` that produces it.
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeysService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const apiKey = request.headers['x-api-key'];
    if (!apiKey) {
      return false; // expect: forbidden-for-missing-credentials
    }
    return this.keys.isValid(apiKey);
  }
}

// Returning false on a role mismatch: Nest's 403 is the right answer.
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.get<string[]>('roles', context.getHandler());
    if (!roles) return true;
    const { user } = context.switchToHttp().getRequest();
    if (!roles.some((role) => user.roles?.includes(role))) {
      return false;
    }
    return true;
  }
}

// The same check written with an exception, and the wrong one.
@Injectable()
export class StrictRolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.get<string[]>('roles', context.getHandler()) ?? [];
    const { user } = context.switchToHttp().getRequest();
    if (!roles.every((role) => user.roles.includes(role))) {
      throw new UnauthorizedException('Insufficient role'); // expect: missing-www-authenticate, unauthorized-for-permission
    }
    return true;
  }
}

// Credentials and role checked at once: the 401 lacks a challenge, but whether 403 was meant
// cannot be told, so unauthorized-for-permission stays silent.
@Injectable()
export class AdminGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const { user } = context.switchToHttp().getRequest();
    if (!user || !user.isAdmin) {
      throw new UnauthorizedException(); // expect: missing-www-authenticate
    }
    return true;
  }
}

// A guard that leaves handleRequest to @nestjs/passport: a failed authentication is its bare 401.
@Injectable()
export class RefreshTokenGuard extends AuthGuard('jwt-refresh') {} // expect: missing-www-authenticate

// @nestjs/passport drops passport's challenge; the override throws a bare UnauthorizedException.
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  handleRequest<TUser>(err: unknown, user: TUser | false): TUser {
    if (err || !user) {
      throw err || new UnauthorizedException(); // expect: missing-www-authenticate
    }
    return user;
  }
}

// An override that only records who called and hands the rest back to AuthGuard: on a failed
// authentication the base still throws its bare UnauthorizedException.
@Injectable()
export class AuditedAuthGuard extends AuthGuard(['jwt', 'api-key']) { // expect: missing-www-authenticate
  handleRequest<TUser>(err: unknown, user: TUser | false, info: unknown, context: ExecutionContext): TUser {
    audit(context, user);
    return super.handleRequest(err, user, info, context);
  }
}

// An override that turns every failure into a 403 of its own: read as written (a 403 is right).
@Injectable()
export class StaffOnlyGuard extends AuthGuard('staff') {
  handleRequest<TUser>(err: unknown, user: TUser | false, info: unknown, context: ExecutionContext): TUser {
    return super.handleRequest(err ? new ForbiddenException() : err, user, info, context);
  }
}
