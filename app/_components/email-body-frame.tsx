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
      {imagesLoaded ? (
        <iframe title={title} src={withImagesUrl} sandbox="" className="email-body" />
      ) : (
        <iframe title={title} srcDoc={html} sandbox="" className="email-body" />
      )}
    </>
  );
}
