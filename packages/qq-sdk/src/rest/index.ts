// Public exports of this area are added here as it lands.
export {};
