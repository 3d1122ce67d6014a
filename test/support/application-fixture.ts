/**
 * A complete application row for tests that need cases in the store without going through the
 * journey (store tests, e2e set-up). Only what a test names differs from one to the next.
 */
import { randomUUID } from "node:crypto";
import { newReference } from "~/domain/reference.server";
import type { ApplicationStatus, NewApplication } from "../../db/schema";
import type { CompleteAnswers, PersonalAnswers } from "../../app/schemas/certificate";

export function testApplication(overrides: Partial<NewApplication> & { status: ApplicationStatus; submitted_at: string }): NewApplication {
  const id = randomUUID();
  return {
    id,
    reference: newReference("application"),
    draft_id: id,
    status_changed_at: overrides.submitted_at,
    language: "en",
    applicant_type: "self",
    full_name: "Ali Khan",
    name_search: "ali khan",
    father_name: "Ahmed",
    date_of_birth: "1990-03-27",
    gender: "male",
    cnic: "3520212345671",
    passport_number: "AB1234567",
    passport_country: "PK",
    nationality: "PK",
    email: "a@example.com",
    phone: "+306912345678",
    residence_country: "GR",
    residence_city: "Athens",
    purpose: "work_visa",
    purpose_other: null,
    destination_country: "IT",
    delivery: "pdf",
    collection_center_slug: null,
    referral_center_slug: null,
    center_slug: "lahore",
    assigned_to: null,
    track_secret_hash: randomUUID(),
    relative_name: null,
    authority_status: null,
    authority_token_hash: null,
    authority_confirmed_at: null,
    rejection_reason: null,
    rejection_note: null,
    updated_at: overrides.submitted_at,
    ...overrides,
  };
}

/** A holder's personal details as the personal page stores them. */
export const TEST_PERSONAL: PersonalAnswers = {
  fullName: "Ali Khan",
  fatherName: "Ahmed Khan",
  dateOfBirth: "1990-03-27",
  gender: "male",
  cnic: "3520212345671",
  passportNumber: "AB1234567",
  passportCountry: "PK",
  nationality: "PK",
};

/** Every page of the journey answered, as a draft holds them when "Submit" is pressed; override any page. */
export function testAnswers(overrides: Partial<CompleteAnswers> = {}): CompleteAnswers {
  return {
    referral: null,
    who: { applicantType: "self" },
    authority: null,
    personal: TEST_PERSONAL,
    contact: { email: "ali@example.com", phone: "+306912345678", residenceCountry: "GR", residenceCity: "Athens" },
    addresses: [{ district: "Sialkot", policeStation: "Civil Lines", address: "House 1", from: "2010-01", to: null }],
    purpose: { purpose: "work_visa", purposeOther: null, destinationCountry: "IT" },
    delivery: { delivery: "pdf", collectionCenter: null },
    ...overrides,
  };
}
