/** The Systemic Risk Oracle service: HTTP API, live update loop, scenario runs, publishing and the dashboard. */
package dev.fracture.service;
