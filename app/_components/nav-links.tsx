"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** Links that mark the current section with aria-current. */
export function NavLinks({ links, label, className }: { links: { href: string; label: string }[]; label: string; className?: string }) {
  const pathname = usePathname();
  const current = (href: string) => (href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`));
  const best = links.filter((l) => current(l.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={label} className={className}>
      <ul>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={link.href === best ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
