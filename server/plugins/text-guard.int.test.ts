import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type ApiResponse, type TestApp } from '../test/test-app.js';
import { participantInput } from '../test/factories.js';
import { MULTIPART_HEADERS, TINY_PDF, multipart } from '../test/multipart.js';
import { createSchool, createStaff, createVenue, regionByCode, type Place, type StaffMember } from '../test/staff-factories.js';

/** The rows a refused request could have touched. */
async function fingerprint(t: TestApp): Promise<string> {
  const tables = ['accounts', 'participant_profiles', 'staff_profiles', 'venue_places', 'schools', 'venues', 'paper_consents'];
  const rows = await Promise.all(tables.map((table) => t.rows(sql.raw(`select * from ${table} order by 1`))));
  return crypto.createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

describe('a NUL character in any text is refused at the edge, naming the field', () => {
  let t: TestApp;
  let kirov: Place;
  let coordinator: StaffMember;
  let venueStaff: StaffMember;
  let schoolStaff: StaffMember;
  beforeAll(async () => {
    t = await startTestApp();
    kirov = await regionByCode(t, '43');
    coordinator = await createStaff(t, 'regional_coordinator', { regionId: kirov.regionId });
    const venue = await createVenue(t, kirov);
    venueStaff = await createStaff(t, 'venue', { regionId: kirov.regionId, venueId: venue.id });
    const school = await createSchool(t, kirov);
    schoolStaff = await createStaff(t, 'school', { regionId: kirov.regionId, schoolId: school.id });
  });
  afterAll(() => t.close());

  const refusedOn = async (send: () => Promise<ApiResponse>, field: string) => {
    const before = await fingerprint(t);
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.error.message).toContain(`«${field}»`);
    expect(res.body.error.fields?.[field]).toMatch(/недопустимый/i);
    expect(await fingerprint(t)).toBe(before);
  };

  it('in a list search box', async () => {
    await refusedOn(() => t.api('GET', `/api/organisations?q=${encodeURIComponent('Школа\u0000')}`, { cookie: coordinator.cookie }), 'q');
  });

  it('in a registration name', async () => {
    const body = await participantInput(t, { schoolId: undefined, schoolName: 'Школа\u0000 № 5' });
    await refusedOn(() => t.api('POST', '/api/registration/participant', { body }), 'schoolName');
  });

  it('in a place', async () => {
    const body = { cityId: kirov.cityId, name: 'Мастерские\u0000', address: 'г. Киров, ул. Профсоюзная, д. 40', rooms: [{ name: 'Цех', capacity: 12 }], accessibility: [] };
    await refusedOn(() => t.api('POST', '/api/places', { cookie: venueStaff.cookie, body }), 'name');
  });

  it('deep inside a body, e.g. a room of a place', async () => {
    const body = { cityId: kirov.cityId, name: 'Мастерские', address: 'г. Киров, ул. Профсоюзная, д. 40', rooms: [{ name: 'Ц\u0000ех', capacity: 12 }], accessibility: [] };
    await refusedOn(() => t.api('POST', '/api/places', { cookie: venueStaff.cookie, body }), 'rooms.0.name');
  });

  it('in a staff profile', async () => {
    await refusedOn(() => t.api('PATCH', '/api/staff/me', { cookie: venueStaff.cookie, body: { position: 'Мастер\u0000' } }), 'position');
  });

  it('in a multipart form field sent with a file', async () => {
    const body = multipart([
      { name: 'participantId', value: '\u0000' },
      { name: 'file', filename: 'consent.pdf', content: TINY_PDF, contentType: 'application/pdf' },
    ]);
    await refusedOn(() => t.api('POST', '/api/paper-consents', { cookie: schoolStaff.cookie, headers: MULTIPART_HEADERS, body }), 'participantId');
  });

  it('in a path parameter', async () => {
    await refusedOn(() => t.api('GET', `/api/places/${encodeURIComponent('\u0000')}`, { cookie: venueStaff.cookie }), 'id');
  });
});
