import { describe, expect, it } from "vitest";
import {
  acceptAttribute,
  acceptedContentTypes,
  contentTypeLabelKey,
  DOCUMENT_KINDS,
  DOCUMENT_REJECTIONS,
  isAcceptedContentType,
  isDocumentKind,
  MAX_DOCUMENT_BYTES,
  rejectionMessageKey,
  replacesPrevious,
  sizeInKb,
  sizeRejection,
} from "./document-rules";

describe("document rules", () => {
  it("accepts JPEG, PNG and PDF, but only images for the photo", () => {
    for (const kind of DOCUMENT_KINDS.filter((k) => k !== "photo")) {
      expect(acceptedContentTypes(kind)).toEqual(["image/jpeg", "image/png", "application/pdf"]);
    }
    expect(isAcceptedContentType("photo", "application/pdf")).toBe(false);
    expect(isAcceptedContentType("photo", "image/png")).toBe(true);
    expect(isAcceptedContentType("passport", "image/svg+xml")).toBe(false);
    expect(isAcceptedContentType("passport", "image/gif")).toBe(false);
    expect(acceptAttribute("photo")).toBe("image/jpeg,.jpg,.jpeg,image/png,.png");
  });

  it("limits each file to 5 MB and refuses empty files", () => {
    expect(MAX_DOCUMENT_BYTES).toBe(5 * 1024 * 1024);
    expect(sizeRejection(0)).toBe("empty");
    expect(sizeRejection(1)).toBeNull();
    expect(sizeRejection(MAX_DOCUMENT_BYTES)).toBeNull();
    expect(sizeRejection(MAX_DOCUMENT_BYTES + 1)).toBe("tooLarge");
    expect(sizeRejection(50 * 1024 * 1024)).toBe("tooLarge");
  });

  it("maps every refusal to a key in the documents namespace", () => {
    expect(rejectionMessageKey("tooLarge")).toBe("documents:errors.tooLarge");
    expect(rejectionMessageKey("pdfTooManyPages")).toBe("documents:errors.pdfTooManyPages");
    expect(new Set(DOCUMENT_REJECTIONS.map(rejectionMessageKey)).size).toBe(DOCUMENT_REJECTIONS.length);
    expect(contentTypeLabelKey("image/jpeg")).toBe("documents:type.jpeg");
    expect(contentTypeLabelKey("application/pdf")).toBe("documents:type.pdf");
  });

  it("replaces identity documents but adds up evidence", () => {
    expect(replacesPrevious("passport")).toBe(true);
    expect(replacesPrevious("photo")).toBe(true);
    expect(replacesPrevious("evidence")).toBe(false);
    expect(isDocumentKind("cnic_back")).toBe(true);
    expect(isDocumentKind("selfie")).toBe(false);
  });

  it("shows sizes in whole kilobytes, never zero", () => {
    expect(sizeInKb(1)).toBe(1);
    expect(sizeInKb(1024)).toBe(1);
    expect(sizeInKb(1025)).toBe(2);
  });
});
