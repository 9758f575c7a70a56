"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";

/**
 * An email's HTML in a sandboxed frame. Remote images stay blocked (the page's policy allows
 * only Mailroom's own), as mail clients do, until the reader asks for them with Load images.
 */
export function EmailBodyFrame({ html, title, withImagesUrl, hasRemoteImages }: { html: string; title: string; withImagesUrl: string; hasRemoteImages: boolean }) {
  const t = useTranslations("emails");
  const [imagesLoaded, setImagesLoaded] = useState(false);
  return (
    <>
      {hasRemoteImages && !imagesLoaded ? (
        <p className="notice info">
          {t("remoteImagesBlocked")}{" "}
          <button type="button" className="secondary" onClick={() => setImagesLoaded(true)}>
            {t("loadImages")}
          </button>
        </p>
      ) : null}
      {/* Keyed apart: a new frame for the body with images, rather than the preview's frame navigated away. */}
      {imagesLoaded ? (
        <iframe key="with-images" title={title} src={withImagesUrl} sandbox="" className="email-body" />
      ) : (
        <iframe key="preview" title={title} srcDoc={html} sandbox="" className="email-body" />
      )}
    </>
  );
}
