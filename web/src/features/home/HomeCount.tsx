/** The count beside a Home section's heading: a badge to see, "3 nieuw" / "3 te doen" to hear. */
export function HomeCount({ count, label }: { count: number; label: string }) {
  return (
    <>
      {count > 0 && (
        <span className="home-count" aria-hidden="true">
          {count}
        </span>
      )}
      <span className="visually-hidden">, {label}</span>
    </>
  );
}
