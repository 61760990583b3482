import { expect, test } from '@playwright/test';

test('the home page states how many issues the build holds and which range, as /api/issues does', async ({
  page,
  request,
}) => {
  const { archive } = (await (await request.get('/api/issues')).json()) as {
    archive: { issues: number; sample: boolean; first: { number: number }; last: { number: number } };
  };
  await page.goto('/');
  const note = page.getByRole('note', { name: 'About this build' });
  if (archive.sample) {
    await expect(note).toContainText('This is the sample build.');
  } else {
    await expect(note).toContainText(
      `This build holds ${archive.issues.toLocaleString('en-US')} issues, from Import AI ${archive.first.number}`,
    );
    await expect(note).toContainText(`to Import AI ${archive.last.number}`);
    await expect(note).not.toContainText('sample');
  }
});
