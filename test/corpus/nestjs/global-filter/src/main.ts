import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ChallengeFilter } from './filters/challenge.filter';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalFilters(new ChallengeFilter());
  await app.listen(3000);
}
void bootstrap();
